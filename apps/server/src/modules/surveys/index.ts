// Perception surveys (the study's method: quota surveys of how target groups perceive each
// channel): questionnaire builder, invitations by link and QR code, one response per
// invitation, cross-tabulations with chi-square, weights to the quotas, CSV/XLSX export.
// Owns survey, survey_invitation and survey_response.
export { surveysRoutes } from './surveys.routes.ts';
