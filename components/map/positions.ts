// One array per point: react-leaflet moves a marker whenever its position prop is a new array, so
// handing back the same array for the same point spares hundreds of moves per redraw.
const positions = new Map<string, [number, number]>();

export function position(lat: number, lng: number): [number, number] {
  const key = `${lat},${lng}`;
  let p = positions.get(key);
  if (!p) {
    if (positions.size > 20_000) positions.clear();
    p = [lat, lng];
    positions.set(key, p);
  }
  return p;
}
