"use client";
// Bus operators' depots, where known, with their bus and AP counts.
import L from "leaflet";
import { Marker } from "react-leaflet";

export type Depot = { id: number; name: string; lat: number; lng: number; buses: number };

export function DepotLayer({ depots, describe, onSelect }: { depots: Depot[]; describe: (d: Depot) => string; onSelect: (id: number) => void }) {
  return (
    <>
      {depots.map((d) => (
        <Marker
          key={d.id}
          position={[d.lat, d.lng]}
          title={describe(d)}
          keyboard
          icon={L.divIcon({ className: "depot-marker", html: `<span>🚌 ${d.buses}</span>`, iconSize: [56, 22] })}
          eventHandlers={{ click: () => onSelect(d.id) }}
        />
      ))}
    </>
  );
}
