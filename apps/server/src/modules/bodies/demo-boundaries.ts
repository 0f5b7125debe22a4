// Demo data: rough outlines of the demo cities, districts and rural okrugs (rectangles and a
// few corners, WGS84). Good enough to route a point to the right akimat in a demonstration;
// real boundaries come from the land cadastre as GeoJSON (PUT /api/v1/bodies/{code}/boundary).
const box = (south: number, west: number, north: number, east: number) => ({
  type: 'Polygon' as const,
  coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]],
});

export const DEMO_BOUNDARIES: Record<string, ReturnType<typeof box>> = {
  'akimat-astana': box(51.02, 71.2, 51.3, 71.7),
  'akimat-almaty': box(43.1, 76.7, 43.42, 77.15),
  'akimat-shymkent': box(42.2, 69.4, 42.45, 69.8),
  nko: box(52.8, 66.0, 55.5, 74.0),
  'nko-petropavlovsk': box(54.81, 69.03, 54.95, 69.27),
  'nko-kyzylzhar': box(54.4, 68.4, 55.3, 69.9),
  'nko-kyzylzhar-bishkul': box(54.66, 68.95, 54.8, 69.25),
  'nko-ualikhanov': box(53.2, 71.5, 54.2, 73.5),
  'nko-ualikhanov-kishkenekol': box(53.55, 72.2, 53.72, 72.5),
  wko: box(48.5, 46.5, 51.8, 55.0),
  'wko-uralsk': box(51.12, 51.22, 51.33, 51.52),
  'wko-terekti': box(50.6, 51.55, 51.5, 52.8),
  'wko-terekti-fedorovka': box(51.15, 51.85, 51.35, 52.1),
  'wko-baiterek': box(50.8, 50.3, 51.7, 51.2),
  'wko-baiterek-peremetnoye': box(51.1, 50.7, 51.3, 51.0),
};
