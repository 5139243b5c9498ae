// What this phone remembers between visits: the pairing's session token (so a reload resumes instead
// of asking for a new code) and the person's name. Storage may be unavailable (private mode): then
// nothing is remembered and the page still works.
const TOKEN = 'radio-optimism.session';
const NAME = 'radio-optimism.name';

const read = (key: string): string | null => {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
};
const write = (key: string, value: string | null): void => {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Not remembered; nothing else to do.
  }
};

export const session = {
  token: (): string | null => read(TOKEN),
  saveToken: (token: string): void => write(TOKEN, token),
  clearToken: (): void => write(TOKEN, null),
  name: (): string => read(NAME) ?? '',
  saveName: (name: string): void => write(NAME, name.trim() || null),
};
