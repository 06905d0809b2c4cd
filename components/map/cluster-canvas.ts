// AP clusters drawn on one canvas the size of the map, instead of one DOM marker each: a pan redraws a
// few hundred circles in a frame rather than creating, placing and laying out a few hundred elements.
// Clicks and the pointer are hit-tested against the circles; keyboard and screen-reader users reach
// the same clusters through a list of buttons (`ap-layer.tsx`), and the focused one is ringed here.
import L from "leaflet";

export type CanvasCluster = { id: string; lat: number; lng: number; count: number; label: string };

/** Diameter in CSS pixels, by count (as the legend shows them). */
export const clusterSize = (count: number) => (count < 100 ? 34 : count < 10_000 ? 42 : 52);
/** The number written in a cluster: thousands shortened past 10,000. */
export const clusterText = (count: number) => (count >= 10_000 ? `${Math.round(count / 1000)}k` : String(count));

const FILL = "rgba(15, 118, 110, 0.88)";
const EDGE = "rgba(255, 255, 255, 0.85)";
const RING = "#0f766e";
const FOCUS = "#111827";

export class ClusterCanvas extends L.Layer {
  private canvas: HTMLCanvasElement | null = null;
  private clusters: CanvasCluster[] = [];
  private focused: string | null = null;
  private hovered: CanvasCluster | null = null;
  private font = "700 12.8px sans-serif";

  constructor(private readonly onActivate: (cluster: CanvasCluster) => void) {
    super();
  }

  override onAdd(map: L.Map): this {
    const pane = map.getPane("ap-clusters") ?? map.createPane("ap-clusters");
    // Above the zones' markers (so the APs at a zone's spot stay in sight), below tooltips and popups.
    // The canvas lets the pointer through except over a cluster (see `move`).
    pane.style.zIndex = "620";
    pane.style.pointerEvents = "none";
    this.canvas = L.DomUtil.create("canvas", "ap-cluster-canvas leaflet-zoom-animated", pane);
    this.canvas.setAttribute("aria-hidden", "true");
    const family = getComputedStyle(map.getContainer()).fontFamily;
    this.font = `700 12.8px ${family || "sans-serif"}`;
    map.on(this.handlers);
    this.reset();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off(this.handlers);
    this.leave();
    this.canvas?.remove();
    this.canvas = null;
    return this;
  }

  /** The map's events this layer follows (the same functions, so `off` removes what `on` added). */
  private readonly handlers: L.LeafletEventHandlerFnMap = {
    moveend: () => this.reset(),
    resize: () => this.reset(),
    viewreset: () => this.reset(),
    zoomanim: (e) => this.animateZoom(e as L.ZoomAnimEvent),
    click: (e) => this.click(e as L.LeafletMouseEvent),
    mousemove: (e) => this.move(e as L.LeafletMouseEvent),
    mouseout: () => this.leave(),
  };

  setClusters(clusters: CanvasCluster[]) {
    this.clusters = clusters;
    this.draw();
  }

  setFocused(id: string | null) {
    this.focused = id;
    this.draw();
  }

  /** The cluster drawn at a point of the map's container, topmost first. */
  clusterAt(point: L.Point): CanvasCluster | null {
    if (!this._map) return null;
    for (let i = this.clusters.length - 1; i >= 0; i--) {
      const c = this.clusters[i]!;
      const at = this._map.latLngToContainerPoint([c.lat, c.lng]);
      if (at.distanceTo(point) <= clusterSize(c.count) / 2) return c;
    }
    return null;
  }

  /** The canvas covers the map's container; after each move it is put back over it and redrawn. */
  private reset() {
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const size = map.getSize();
    const ratio = window.devicePixelRatio || 1;
    L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
    canvas.width = Math.round(size.x * ratio);
    canvas.height = Math.round(size.y * ratio);
    canvas.style.width = `${size.x}px`;
    canvas.style.height = `${size.y}px`;
    this.draw();
  }

  /** During a zoom's animation the drawn clusters scale with the map, as Leaflet's own canvas does. */
  private animateZoom(e: L.ZoomAnimEvent) {
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const mapPane = L.DomUtil.getPosition(map.getPane("mapPane")!);
    const origin = map.project(e.center, e.zoom).subtract(map.getSize().divideBy(2)).add(mapPane).round();
    const topLeft = map.project(map.containerPointToLatLng([0, 0]), e.zoom).subtract(origin);
    L.DomUtil.setTransform(canvas, topLeft, map.getZoomScale(e.zoom));
  }

  private draw() {
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    const ratio = canvas.width / Math.max(1, map.getSize().x);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.font = this.font;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    for (const c of this.clusters) {
      const { x, y } = map.latLngToContainerPoint([c.lat, c.lng]);
      const r = clusterSize(c.count) / 2;
      // A translucent disc in a white edge and a thin outer ring, as the legend's swatch.
      ctx.beginPath();
      ctx.arc(x, y, r - 4, 0, Math.PI * 2);
      ctx.fillStyle = FILL;
      ctx.fill();
      ctx.beginPath();
      ctx.arc(x, y, r - 2.5, 0, Math.PI * 2);
      ctx.lineWidth = 3;
      ctx.strokeStyle = EDGE;
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(x, y, r - 0.5, 0, Math.PI * 2);
      ctx.lineWidth = 1;
      ctx.strokeStyle = RING;
      ctx.stroke();
      ctx.fillStyle = "#fff";
      ctx.fillText(clusterText(c.count), x, y + 0.5);
      if (c.id === this.focused) {
        ctx.beginPath();
        ctx.arc(x, y, r + 3, 0, Math.PI * 2);
        ctx.lineWidth = 3;
        ctx.strokeStyle = FOCUS;
        ctx.stroke();
      }
    }
  }

  /** A click over a cluster zooms into it (the canvas takes the pointer there, so nothing beneath gets it). */
  private click(e: L.LeafletMouseEvent) {
    if (outside(e)) return;
    const hit = this.clusterAt(e.containerPoint);
    if (hit) this.onActivate(hit);
  }

  /** Over a cluster the canvas takes the pointer (a hand, the cluster's label as tooltip); elsewhere it lets it through. */
  private move(e: L.LeafletMouseEvent) {
    const hit = outside(e) ? null : this.clusterAt(e.containerPoint);
    if (hit === this.hovered) return;
    this.hovered = hit;
    const container = this._map?.getContainer();
    if (!container || !this.canvas) return;
    this.canvas.style.pointerEvents = hit ? "auto" : "";
    container.style.cursor = hit ? "pointer" : "";
    if (hit) container.setAttribute("title", hit.label);
    else container.removeAttribute("title");
  }

  private leave() {
    if (!this.hovered) return;
    this.hovered = null;
    if (this.canvas) this.canvas.style.pointerEvents = "";
    const container = this._map?.getContainer();
    container?.style.removeProperty("cursor");
    container?.removeAttribute("title");
  }
}

/** Events on the map's controls or an open popup, which sit above the clusters. */
const outside = (e: L.LeafletMouseEvent) => (e.originalEvent.target as Element | null)?.closest?.(".leaflet-control, .leaflet-popup") != null;
