export interface OpenDataReleaseTable {
  dataset: string;
  day: string;
  rows: number;
  csv: Buffer;
  json: Buffer;
  createdAt: Date;
}

export interface OpenDataDownloadTable {
  dataset: string;
  format: string;
  day: string;
  downloads: string | number | bigint;
}

export interface OpenDataTables {
  openDataRelease: OpenDataReleaseTable;
  openDataDownload: OpenDataDownloadTable;
}
