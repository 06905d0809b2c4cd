"use client";
// "Add candidate" mode: a click on the map picks a spot, shown as a marker until the form is sent or the mode ends.
import { useEffect } from "react";
import { CircleMarker, useMapEvents } from "react-leaflet";

export function PickLayer({ at, onPick }: { at: { lat: number; lng: number } | null; onPick: (p: { lat: number; lng: number }) => void }) {
  const map = useMapEvents({ click: (e) => onPick({ lat: e.latlng.lat, lng: e.latlng.lng }) });
  useEffect(() => {
    const el = map.getContainer();
    el.classList.add("picking");
    return () => el.classList.remove("picking");
  }, [map]);
  return at ? (
    <CircleMarker
      center={[at.lat, at.lng]}
      radius={9}
      className="picked-spot"
      interactive={false}
      pathOptions={{ color: "#b91c1c", weight: 3, fillColor: "#fff", fillOpacity: 1 }}
    />
  ) : null;
}
