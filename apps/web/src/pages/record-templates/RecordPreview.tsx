import type { RecordTemplateContent } from '@bidhall/contracts';
import { useTranslation } from 'react-i18next';
import { fill } from './templateEdit.ts';

const SAMPLE: Record<string, string> = {
  sectionName: '施工一标段',
  sectionCode: '001',
  projectName: '东胜区文化路改造工程',
  tendererName: '鄂尔多斯市示范城建投资有限公司',
  bidDeadline: '2027/01/05 09:30:00',
  openedAt: '2027/01/05 09:30:00',
  round: '1',
};

/** A record laid out by the template as the portal will show it, with sample facts (the server's recordHtml, in React). */
export function RecordPreview({ content }: { content: RecordTemplateContent }) {
  const { t } = useTranslation();
  const lines = (text: string) => fill(text, SAMPLE).split('\n').map((l, i) => <div key={i}>{l}</div>);
  return (
    <div className="record-preview notice-body" data-testid="record-template-preview">
      <h2 data-testid="record-template-preview-title">{fill(content.title, SAMPLE)}</h2>
      {content.preamble && <div className="record-preview-text">{lines(content.preamble)}</div>}
      {/* recordHtml puts the unsealing window after the preamble, whatever the template. */}
      <div>{t('recordTemplates.preview.unseal')}</div>
      {content.blocks.map((b) => (
        <section key={b.block}>
          <h3 data-testid="record-template-preview-heading">{b.heading}</h3>
          <p className="muted small">{t(`recordTemplates.preview.${b.block === 'bidders' ? 'biddersHead' : b.block === 'readout' ? 'readoutHead' : b.block}`)}</p>
        </section>
      ))}
      {content.closing && <div className="record-preview-text">{lines(content.closing)}</div>}
    </div>
  );
}
