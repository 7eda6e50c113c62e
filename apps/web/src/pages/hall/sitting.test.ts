import { describe, expect, it } from 'vitest';
import { fileLabel, hallPagePath, hallWords, sittingsOf } from './sitting.ts';

describe('hall sittings', () => {
  it('a prequalification section has an applications hall before its bid hall; others only the bid hall', () => {
    expect(sittingsOf('prequalification')).toEqual(['application', 'bid']);
    expect(sittingsOf('open')).toEqual(['bid']);
    expect(sittingsOf('invitation')).toEqual(['bid']);
  });

  it('each sitting has its page and its words', () => {
    expect(hallPagePath('s1', 'bid')).toBe('/sections/s1/hall');
    expect(hallPagePath('s1', 'application')).toBe('/sections/s1/application-hall');
    expect(hallWords('bid')).toBe('hall');
    expect(hallWords('application')).toBe('applicationHall');
  });

  it('a manifest file shows its name without the part, and its size', () => {
    expect(fileLabel({ name: 'qualification/营业执照.pdf', size: 2_621_440 })).toEqual({ name: '营业执照.pdf', size: '2.5 MB' });
    expect(fileLabel({ name: 'plain.pdf', size: 10 })).toEqual({ name: 'plain.pdf', size: '1 KB' });
    expect(fileLabel({ name: 'part/', size: 4096 })).toEqual({ name: 'part/', size: '4 KB' });
  });
});
