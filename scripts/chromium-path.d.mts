export const INSTALL_CHROMIUM: string;
export function chromiumPath(): string;
