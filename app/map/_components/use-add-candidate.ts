"use client";
// "Add candidate" on the map (planners): a click picks the spot, the side panel holds the form; the
// new candidate is then selected, with the candidates' layer switched on so the planner sees it.
import { useCallback, useMemo, useState } from "react";
import type { MapState } from "@/lib/map-state";

export function useAddCandidate({
  allowed,
  openOnStart,
  setState,
  refresh,
}: {
  allowed: boolean;
  openOnStart: boolean;
  setState: (f: (prev: MapState) => MapState) => void;
  refresh: () => Promise<unknown>;
}) {
  const [adding, setAdding] = useState(allowed && openOnStart);
  const [picked, setPicked] = useState<{ lat: number; lng: number } | null>(null);
  const [addedName, setAddedName] = useState<string | null>(null);

  const toggle = useCallback(() => {
    setAdding((a) => !a);
    setPicked(null);
    setAddedName(null);
  }, []);
  const pick = useMemo(() => (adding ? { at: picked, onPick: setPicked } : null), [adding, picked]);

  const onCreated = useCallback(
    async (site: { id: number; name: string }) => {
      setAddedName(site.name);
      setPicked(null);
      await refresh();
      setState((prev) => ({
        ...prev,
        selected: { type: "zone", id: site.id },
        layers: prev.layers.includes("candidates") ? prev.layers : [...prev.layers, "candidates"],
      }));
    },
    [refresh, setState],
  );

  return { adding: allowed && adding, picked, addedName, toggle, pick, onCreated };
}
