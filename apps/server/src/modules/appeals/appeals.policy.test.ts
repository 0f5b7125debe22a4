import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Staff } from '../../platform/staff.ts';
import { canSeeApplicant, localityOf, maskApplicant, roundCoordinate } from './appeals.policy.ts';

const staff = (role: string, bodyId = 'b1') => ({ id: 'u', role, bodyId }) as unknown as Staff;
const appeal = (confidential: boolean) => ({
  bodyId: 'b1', confidential, applicantName: 'Айгерим Садыкова', applicantIin: '880516300374', applicantBin: null,
  applicantEmail: 'aigerim@example.kz', applicantPhone: '+77011234567', address: 'г. Астана, ул. Абая, 10, кв. 25', lat: 51.128207, lon: 71.430411,
});

test('one rule: a confidential applicant is for the ethics commissioner of the body alone', () => {
  for (const role of ['head', 'deputy', 'comms_officer', 'executor', 'operator', 'admin', 'moderator', 'analyst', 'oversight']) {
    assert.equal(canSeeApplicant(staff(role), appeal(true)), false, role);
  }
  assert.equal(canSeeApplicant(staff('ethics_commissioner'), appeal(true)), true);
  assert.equal(canSeeApplicant(staff('ethics_commissioner', 'b2'), appeal(true)), false, 'another body');
  assert.equal(canSeeApplicant(staff('executor'), appeal(false)), true);
});

test('masking: null for a confidential applicant, locality and ~1 km for cross-body readers of any other', () => {
  const hidden = maskApplicant(staff('head'), appeal(true));
  for (const k of ['applicantName', 'applicantIin', 'applicantEmail', 'applicantPhone', 'address', 'lat', 'lon'] as const) assert.equal(hidden[k], null, k);
  const analyst = maskApplicant(staff('analyst', 'b9'), appeal(false));
  assert.equal(analyst.address, 'г. Астана');
  assert.equal(analyst.lat, 51.13);
  assert.equal(analyst.lon, 71.43);
  assert.equal(analyst.applicantName, 'А. С.');
});

test('locality of free-text addresses', () => {
  assert.equal(localityOf('Астана, ул. Абая, 10'), 'Астана');
  assert.equal(localityOf('Астана қ., Жеңіс даңғылы, 11, 1-қабат'), 'Астана қ.');
  assert.equal(localityOf('11 Zhenis Ave, ground floor, Astana'), 'Astana');
  assert.equal(localityOf('с. Косшы, ул. Республики 5'), 'с. Косшы');
  assert.equal(localityOf('ул. Абая 10'), null, 'no locality: nothing rather than the street');
  assert.equal(localityOf(null), null);
  assert.equal(roundCoordinate(null), null);
});
