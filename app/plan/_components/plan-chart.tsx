// Plan against actual per year or category as grouped bars (SVG, no script), with the figures as text for screen readers.
export type ChartBar = { label: string; target: number | null; actual: number };

export function PlanChart({
  bars,
  title,
  targetLabel,
  actualLabel,
  noTargetLabel,
  testId,
}: {
  bars: ChartBar[];
  title: string;
  targetLabel: string;
  actualLabel: string;
  /** Written where a bar has no target, so an open year does not read as a target of zero. */
  noTargetLabel: string;
  testId: string;
}) {
  const max = Math.max(1, ...bars.map((y) => Math.max(y.target ?? 0, y.actual)));
  const w = 64;
  const h = 140;
  const top = 16;
  const width = bars.length * w + 40;
  return (
    <figure className="plan-chart" data-testid={testId}>
      <svg viewBox={`0 ${-top} ${width} ${h + 30 + top}`} width={width} height={h + 30 + top} role="img" aria-label={title}>
        <title>{title}</title>
        {bars.map((y, i) => {
          const x = 30 + i * w;
          const th = ((y.target ?? 0) / max) * h;
          const ah = (y.actual / max) * h;
          return (
            <g key={y.label}>
              {y.target === null ? (
                <text x={x + 11} y={h - 18} textAnchor="middle" className="bar-no-target">
                  {noTargetLabel}
                </text>
              ) : (
                <>
                  <rect x={x} y={h - th} width={22} height={th} className="bar-target" />
                  <text x={x + 11} y={h - th - 3} textAnchor="middle" className="bar-value bar-value-target">
                    {y.target}
                  </text>
                </>
              )}
              <rect x={x + 24} y={h - ah} width={22} height={ah} className="bar-actual" />
              <text x={x + 23} y={h + 16} textAnchor="middle" className="bar-label">
                {y.label.length > 6 ? `${y.label.slice(0, 5)}…` : y.label}
                <title>{y.label}</title>
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
