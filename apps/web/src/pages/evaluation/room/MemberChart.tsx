import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ScoreSeries } from './chart.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const CALM = ['#8fb3d9', '#a5c8a0', '#c5b3d9', '#d9c08f', '#9fd0d0', '#b8b8b8', '#d9a5b3'];
const FLAGGED = '#cf1322';

/**
 * Each member's scores as bars beside the committee's mean (a line): the members the summary flagged
 * are drawn in red with their name marked, the others in quiet colours, so that the outlier
 * stands out at a glance.
 */
export function MemberChart({ series, committeeLabel, flaggedLabel }: { series: ScoreSeries; committeeLabel: string; flaggedLabel: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'canvas' });
    let calm = 0;
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: series.categories },
      yAxis: { type: 'value' },
      series: [
        ...series.members.map((m) => ({
          type: 'bar' as const,
          name: m.flagged ? `${m.name}（${flaggedLabel}）` : m.name,
          data: m.values,
          itemStyle: m.flagged ? { color: FLAGGED, borderColor: '#820014', borderWidth: 2 } : { color: CALM[calm++ % CALM.length] },
          barMaxWidth: 28,
        })),
        { type: 'line' as const, name: committeeLabel, data: series.committee, symbolSize: 10, lineStyle: { width: 3, color: '#1f3a60' }, itemStyle: { color: '#1f3a60' }, z: 10 },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [series, committeeLabel, flaggedLabel]);
  return <div ref={el} className="room-chart" data-testid="member-chart" data-flagged={series.members.filter((m) => m.flagged).map((m) => m.name).join(',')} />;
}
