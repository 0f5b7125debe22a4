// Who runs surveys. Read it as the rule book:
//   - the body's analysts, communications officers, heads, deputies and administrators build,
//     open, close and invite, and read the results of their body's surveys; another body's
//     survey is a 404, as if it did not exist;
//   - a respondent needs only an invitation's token: it opens one survey, takes one response,
//     and gives nothing back about other respondents;
//   - responses carry a profile (age group, region, occupation, education, sex) and answers,
//     never a name or a contact.
import type { Role } from '@tyndau/contracts';

export const SURVEY_STAFF: readonly Role[] = ['analyst', 'comms_officer', 'head', 'deputy', 'admin'];
