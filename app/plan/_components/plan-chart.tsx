// Plan against actual per year as grouped bars (SVG, no script), with the figures as text for screen readers.
export type ChartYear = { year: number; target: number | null; actual: number };

export function PlanChart({ years, title, targetLabel, actualLabel, testId }: { years: ChartYear[]; title: string; targetLabel: string; actualLabel: string; testId: string }) {
  const max = Math.max(1, ...years.map((y) => Math.max(y.target ?? 0, y.actual)));
  const w = 64;
  const h = 140;
  const top = 16;
  const width = years.length * w + 40;
  return (
    <figure className="plan-chart" data-testid={testId}>
      <svg viewBox={`0 ${-top} ${width} ${h + 30 + top}`} width={width} height={h + 30 + top} role="img" aria-label={title}>
        <title>{title}</title>
        {years.map((y, i) => {
          const x = 30 + i * w;
          const th = ((y.target ?? 0) / max) * h;
          const ah = (y.actual / max) * h;
          return (
            <g key={y.year}>
              <rect x={x} y={h - th} width={22} height={th} className="bar-target" />
              <rect x={x + 24} y={h - ah} width={22} height={ah} className="bar-actual" />
              <text x={x + 23} y={h + 16} textAnchor="middle" className="bar-label">
                {y.year}
              </text>
              <text x={x + 35} y={h - ah - 3} textAnchor="middle" className="bar-value">
                {y.actual}
              </text>
            </g>
          );
        })}
        <line x1={26} y1={h} x2={width} y2={h} className="bar-axis" />
      </svg>
      <figcaption>
        {title} · <span className="swatch-bar bar-target" /> {targetLabel} <span className="swatch-bar bar-actual" /> {actualLabel}
      </figcaption>
    </figure>
  );
}
