export interface BodyBoundaryTable {
  bodyId: string;
  /** A GeoJSON Polygon or MultiPolygon (WGS84, [lon, lat]). */
  geojson: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
  /** The bounding box, so a point is tested only against boundaries that may hold it. */
  minLat: number;
  minLon: number;
  maxLat: number;
  maxLon: number;
}

export interface BoundaryTables {
  bodyBoundary: BodyBoundaryTable;
}
