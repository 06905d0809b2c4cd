// Plan against actual per year or category as grouped bars (SVG, no script), with the figures as text for screen readers.
export type ChartBar = { label: string; target: number | null; actual: number };

const SLANT = (35 * Math.PI) / 180;
/** About how wide a label is drawn at the chart's 11px: Hangul and other wide letters about 11px, the rest about 6. */
const textWidth = (label: string) => [...label].reduce((w, c) => w + (c.codePointAt(0)! >= 0x1100 ? 11 : 6.2), 0);

export function PlanChart({
  bars,
  title,
  targetLabel,
  actualLabel,
  noTargetLabel,
  formatValue,
  testId,
}: {
  bars: ChartBar[];
  title: string;
  targetLabel: string;
  actualLabel: string;
  /** Written where a bar has no target, so an open year does not read as a target of zero. */
  noTargetLabel: string;
  /** The locale's way of writing a count. */
  formatValue: (n: number) => string;
  testId: string;
}) {
  const max = Math.max(1, ...bars.map((y) => Math.max(y.target ?? 0, y.actual)));
  const w = 64;
  const h = 140;
  const top = 16;
  // Labels longer than a bar is wide (category names, above all in English) are written whole and
  // slanted under their bars, with room below and on the left for them.
  const slant = bars.some((y) => y.label.length > 6);
  const longest = Math.max(0, ...bars.map((y) => textWidth(y.label)));
  const below = slant ? 24 + Math.ceil(longest * Math.sin(SLANT)) : 30;
  const left = slant ? Math.max(0, Math.ceil(longest * Math.cos(SLANT)) - 40) : 0;
  const width = left + bars.length * w + 40;
  return (
    <figure className="plan-chart" data-testid={testId}>
      <svg viewBox={`${-left} ${-top} ${width} ${h + below + top}`} width={width} height={h + below + top} role="img" aria-label={title}>
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
                    {formatValue(y.target)}
                  </text>
                </>
              )}
              <rect x={x + 24} y={h - ah} width={22} height={ah} className="bar-actual" />
              <text
                x={x + 23}
                y={slant ? h + 12 : h + 16}
                textAnchor={slant ? "end" : "middle"}
                transform={slant ? `rotate(${(-SLANT * 180) / Math.PI} ${x + 23} ${h + 12})` : undefined}
                className="bar-label"
              >
                {y.label}
              </text>
              <text x={x + 35} y={h - ah - 3} textAnchor="middle" className="bar-value">
                {formatValue(y.actual)}
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
