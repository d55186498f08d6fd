/** Passwords of 15+ characters that top breach corpora show people actually choose. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  "123456789012345", "1234567890123456", "12345678901234567890", "000000000000000", "111111111111111",
  "passwordpassword", "password1234567", "password12345678", "qwertyuiopasdfgh", "qwertyuiopasdfghjkl",
  "qwertyuiop123456", "1q2w3e4r5t6y7u8i", "1qaz2wsx3edc4rfv", "zaq12wsxcde34rfv", "abcdefghijklmnop",
  "iloveyouiloveyou", "letmeinletmein1", "administrator123", "welcome12345678", "changemechangeme",
  "correcthorsebatterystaple", "correct horse battery staple", "correct-horse-battery-staple",
  "trustno1trustno1", "passw0rdpassw0rd", "p@ssw0rdp@ssw0rd", "monkeymonkeymonkey", "dragondragondragon",
]);
