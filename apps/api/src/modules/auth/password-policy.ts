/** The most common passwords (from public breach top lists); refused whatever their length. */
const common = new Set([
  'password',
  'password1',
  'password123',
  '12345678',
  '123456789',
  '1234567890',
  'qwertyuiop',
  'qwerty123',
  'iloveyou',
  'sunshine1',
  'princess1',
  'football1',
  'baseball1',
  'welcome1',
  'welcome123',
  'admin123',
  'letmein1',
  'abc12345',
  'trustno1',
  '11111111',
  '00000000',
  'passw0rd',
  'changeme',
  'superman1',
  'starwars1',
  'whatever1',
  'dragon123',
  'monkey123',
  'master123',
  'qwertyui',
  'asdfghjk',
  'zxcvbnm1',
]);

export const passwordRules = { min: 8, max: 128 } as const;

/** Why a new password is unacceptable, or null when it is fine. */
export function passwordProblem(password: string): string | null {
  if (password.length < passwordRules.min) return `must be at least ${passwordRules.min} characters`;
  if (password.length > passwordRules.max) return `must be at most ${passwordRules.max} characters`;
  if (common.has(password.toLowerCase())) return 'is one of the most common passwords; choose another';
  return null;
}
