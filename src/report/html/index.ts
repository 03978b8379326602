export { readChartLibrary } from './chartLibrary.js';
export { escapeHtml, html, scriptJson, SafeHtml } from './escape.js';
export { readRunFolder, type RunFolder } from './readRunFolder.js';
export { CONTENT_SECURITY_POLICY, renderReport, type ReportInput } from './renderReport.js';
export { writeReport, type ReportPaths } from './writeReport.js';
