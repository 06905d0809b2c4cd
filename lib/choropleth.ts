// A choropleth's classes: quantile breaks over the known values, the class of a value, and a
// sequential colour per class. Unknown values have no class (drawn grey and said so).

export const CLASS_COLOURS = ["#e6f4f1", "#b3dfd6", "#6cbfae", "#2a9686", "#0f5e54"] as const;
export const NO_DATA_COLOUR = "#e5e7eb";
/** A place with people and no AP serving them (the residents layer): the strongest demand. */
export const NO_AP_COLOUR = "#b91c1c";

/**
 * Upper bounds of up to five classes holding about as many places each (quantiles); the last bound
 * is the largest value. Fewer classes when the values are few or equal.
 */
export function classBreaks(values: readonly (number | null)[], classes = CLASS_COLOURS.length): number[] {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (known.length === 0) return [];
  const breaks: number[] = [];
  for (let i = 1; i <= classes; i++) {
    const at = known[Math.min(known.length - 1, Math.ceil((i / classes) * known.length) - 1)]!;
    if (breaks.at(-1) !== at) breaks.push(at);
  }
  return breaks;
}

/** The class (0-based) of a value: the first break it does not exceed; null when unknown. */
export function classOf(value: number | null, breaks: readonly number[]): number | null {
  if (value === null || breaks.length === 0) return null;
  const i = breaks.findIndex((b) => value <= b);
  return i === -1 ? breaks.length - 1 : i;
}

/** The colour of a class among `count` classes, spread over the ramp. */
export function colourOf(cls: number | null, count: number): string {
  if (cls === null) return NO_DATA_COLOUR;
  const ramp = CLASS_COLOURS.length;
  const at = count <= 1 ? ramp - 1 : Math.round((cls * (ramp - 1)) / (count - 1));
  return CLASS_COLOURS[at]!;
}

/** Each class's range as [from, to]: the smallest and largest value that falls in it. */
export function classRanges(values: readonly (number | null)[], breaks: readonly number[]): [number, number][] {
  return breaks.map((_, i) => {
    const mine = values.filter((v): v is number => v !== null && classOf(v, breaks) === i);
    return mine.length ? [Math.min(...mine), Math.max(...mine)] : [breaks[i]!, breaks[i]!];
  });
}
