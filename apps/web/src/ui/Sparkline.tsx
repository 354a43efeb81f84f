/**
 * A trend line in a few dozen bytes of SVG: the board draws two per chair and redraws them on every reading,
 * where a charting library would cost about 100 KB of compressed JavaScript on the board's first load and a
 * layout pass per chart. Decorative (the numbers are shown beside it), so it is hidden from assistive technology.
 */
const WIDTH = 100;

interface SparklineProps {
  data: readonly number[];
  /** Height in pixels; the line stretches to the width it is given. */
  h: number;
  /** A Mantine colour name (`blue`, `grape`). */
  color: string;
}

export function Sparkline({ data, h, color }: SparklineProps) {
  const min = Math.min(...data);
  const span = Math.max(...data) - min || 1;
  const stroke = 1.5;
  const x = (i: number) => (data.length > 1 ? (i / (data.length - 1)) * WIDTH : 0);
  const y = (v: number) => stroke / 2 + (1 - (v - min) / span) * (h - stroke);
  const line = data.map((v, i) => `${x(i).toFixed(2)},${y(v).toFixed(2)}`).join(' ');
  const stroked = `var(--mantine-color-${color}-filled)`;
  return (
    <svg
      width="100%"
      height={h}
      viewBox={`0 0 ${WIDTH} ${h}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
      style={{ display: 'block' }}
    >
      <polygon points={`0,${h} ${line} ${WIDTH},${h}`} fill={stroked} fillOpacity={0.2} />
      <polyline
        points={line}
        fill="none"
        stroke={stroked}
        strokeWidth={stroke}
        vectorEffect="non-scaling-stroke"
        strokeLinejoin="round"
      />
    </svg>
  );
}
