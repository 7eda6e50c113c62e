import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const CALM = '#8fb3d9';
const LEADING = '#d4a017';

/**
 * One voting round's count as horizontal bars, most voted first: the candidates at the top of the
 * count (the winner, or those tied) in gold, the others in a quiet blue.
 */
export function VoteChart({ counts, votesLabel }: { counts: { entityName: string; votes: number }[]; votesLabel: string }) {
  const el = useRef<HTMLDivElement>(null);
  const height = 48 + 36 * Math.max(counts.length, 1);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'canvas' });
    const top = Math.max(0, ...counts.map((c) => c.votes));
    // Bars run bottom-up in a category axis: reverse, so that the most voted reads first.
    const rows = [...counts].reverse();
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 8, bottom: 24, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, name: votesLabel },
      yAxis: { type: 'category', data: rows.map((c) => c.entityName) },
      series: [
        {
          type: 'bar',
          name: votesLabel,
          barMaxWidth: 24,
          label: { show: true, position: 'right' },
          data: rows.map((c) => ({ value: c.votes, itemStyle: { color: top > 0 && c.votes === top ? LEADING : CALM } })),
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [counts, votesLabel]);
  return <div ref={el} style={{ width: '100%', height }} data-testid="vote-chart" />;
}
