import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface OpensSeries {
  starts: number[];
  opens: number[];
  humanOpens: number[];
}

/** Opens over time (uPlot); loaded lazily, so that only the campaign page pays for it. */
export default function OpensChart({ series, label }: { series: OpensSeries; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const width = Math.max(280, Math.min(host.current.clientWidth, 900));
    const plot = new uPlot(
      {
        width,
        height: 220,
        series: [
          {},
          { label: 'Opens', stroke: '#1d4ed8', width: 2 },
          { label: 'Human opens', stroke: '#b45309', width: 2 },
        ],
        axes: [{}, { label: 'opens' }],
      },
      [series.starts, series.opens, series.humanOpens],
      host.current,
    );
    return () => plot.destroy();
  }, [series]);
  return <div ref={host} class="chart" role="img" aria-label={label} />;
}
