// A Leaflet map: background tiles when configured (nothing depends on them loading), the
// cells of the public map as focusable markers with their count, and optionally a point the
// person picks (a click, or "the centre of the map" for keyboard users). Leaflet is loaded
// only by the pages that show a map.
import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import classes from './city-map.module.css';

export interface MapMarker {
  key: string;
  lat: number;
  lon: number;
  count: number;
  colour: string;
  label: string;
}

export interface CityMapProps {
  label: string;
  tilesUrl?: string;
  attribution?: string;
  center: { lat: number; lon: number };
  zoom: number;
  /** clusters: a count drawn on its colour, with a label for screen readers */
  markers?: MapMarker[];
  /** called after every pan or zoom with west,south,east,north and the zoom */
  onView?: (bbox: string, zoom: number) => void;
  picked?: { lat: number; lon: number } | null;
  onPick?: (p: { lat: number; lon: number }) => void;
  small?: boolean;
  /** lets the parent read the map's centre (keyboard picking) */
  mapRef?: React.RefObject<L.Map | null>;
}

const bboxOf = (m: L.Map) => {
  const b = m.getBounds();
  const clamp = (v: number, lim: number) => Math.max(-lim, Math.min(lim, v));
  return [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)].map((v) => v.toFixed(4)).join(',');
};

export function CityMap(props: CityMapProps) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const cellsLayer = useRef<L.LayerGroup | null>(null);
  const pin = useRef<L.Marker | null>(null);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const m = L.map(el.current!, { center: [props.center.lat, props.center.lon], zoom: props.zoom, keyboard: true, attributionControl: true });
    if (props.tilesUrl) L.tileLayer(props.tilesUrl, { attribution: props.attribution, maxZoom: 19 }).addTo(m);
    cellsLayer.current = L.layerGroup().addTo(m);
    map.current = m;
    if (props.mapRef) props.mapRef.current = m;
    const report = () => latest.current.onView?.(bboxOf(m), m.getZoom());
    m.on('moveend', report);
    m.on('click', (e: L.LeafletMouseEvent) => latest.current.onPick?.({ lat: e.latlng.lat, lon: e.latlng.lng }));
    report();
    return () => {
      m.remove();
      map.current = null;
    };
    // The map is made once; later props are read through `latest`.
  }, []);

  useEffect(() => {
    const layer = cellsLayer.current;
    if (!layer) return;
    layer.clearLayers();
    for (const c of props.markers ?? []) {
      const size = Math.round(26 + Math.min(22, Math.log2(Math.max(1, c.count)) * 4));
      L.marker([c.lat, c.lon], {
        title: c.label,
        alt: c.label,
        keyboard: true,
        icon: L.divIcon({ className: 'tyndau-cell', html: `<span aria-hidden="true">${c.count}</span>`, iconSize: [size, size] }),
      })
        .on('add', (e) => {
          const icon = (e.target as L.Marker).getElement();
          icon?.style.setProperty('background', c.colour);
          icon?.setAttribute('aria-label', c.label);
        })
        .addTo(layer);
    }
  }, [props.markers]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    pin.current?.remove();
    pin.current = null;
    if (props.picked) {
      pin.current = L.marker([props.picked.lat, props.picked.lon], { keyboard: false, interactive: false, icon: L.divIcon({ className: 'tyndau-pin', iconSize: [18, 18] }) }).addTo(m);
    }
  }, [props.picked]);

  return <div ref={el} className={`${classes.map} ${props.small ? classes.small : ''}`} role="region" aria-label={props.label} />;
}

export default CityMap;
