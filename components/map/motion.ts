// Whether the person asked their system for less motion: the map then zooms, pans and fades at once.
export const prefersReducedMotion = (): boolean => typeof window !== "undefined" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
