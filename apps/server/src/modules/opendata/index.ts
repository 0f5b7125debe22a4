// Open data of the register: daily de-identified datasets (CSV, JSON), the DCAT-AP
// catalogue in JSON-LD, download counts. Owns open_data_release and open_data_download.
export { openDataFiles, openDataRoutes } from './opendata.routes.ts';
