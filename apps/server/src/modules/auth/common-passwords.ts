// The commonest passwords of 10 or more characters (shorter ones are refused anyway):
// the top of the public breach lists, keyboard walks on Latin and Cyrillic layouts, and
// local favourites (city and country names with years). Compared in lower case.
const LIST = `
1234567890 0987654321 12345678910 123456789a 123456789q 1234567891 1111111111 0000000000
2222222222 5555555555 7777777777 9999999999 1234512345 1122334455 1q2w3e4r5t 1q2w3e4r5t6y
q1w2e3r4t5 q1w2e3r4t5y6 qwertyuiop qwerty1234 qwerty12345 qwerty123456 1qaz2wsx3edc
zaq12wsxcde zaq1xsw2cde3 qazwsxedcrfv asdfghjkl; asdfghjkl1 zxcvbnm123 1234qwerasdf
qwertyuiop[] password12 password123 password1234 password1! passw0rd123 p@ssw0rd123
p@ssword123 password123! administrator admin12345 admin123456 welcome123 welcome1234
changeme123 letmein123 iloveyou12 iloveyou123 princess123 football123 baseball123
sunshine123 superman123 starwars123 monkey12345 dragon12345 master12345 trustno123
abcdefghij abcd123456 abc1234567 a123456789 aa12345678 qwerty123! 123qweasdzxc
йцукенгшщз йцукенгшщзх фывапролдж ячсмитьбю пароль1234 пароль12345 парольпароль
qwertyasdf kazakhstan kazakhstan1 kazakhstan2024 kazakhstan2025 kazakhstan2026
astana2024 astana2025 astana2026 almaty2024 almaty2025 almaty2026 qazaqstan2026
nursultan2024 tyndau2026 tyndau12345 demo-password demopassword
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
