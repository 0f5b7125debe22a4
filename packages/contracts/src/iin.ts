/**
 * Kazakhstan's ИИН (individual) and БИН (business) are 12 digits whose last digit is a
 * checksum: weights 1..11, and if the sum mod 11 is 10, a second pass with weights
 * 3..11,1,2; a result of 10 again means the number is invalid.
 */
export function isValidIinOrBin(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const d = [...value].map(Number);
  const sum = (offset: number) => {
    let s = 0;
    for (let i = 0; i < 11; i++) s += d[i] * (((i + offset) % 11) + 1);
    return s % 11;
  };
  let check = sum(0);
  if (check === 10) check = sum(2);
  return check !== 10 && check === d[11];
}
