import type { ConsoleFile } from '../../../contract/console-operations.js';

/**
 * Saves files the console received (the access-log CSV) the way a link with `download` would, through
 * an object URL. The browser reads that URL after the click returns, so it is revoked when the next file
 * replaces it or the section leaves the page (`revoke()`), not at once.
 */
export class FileSaver {
  private url: string | null = null;

  save(file: ConsoleFile): void {
    this.revoke();
    const url = URL.createObjectURL(file.blob);
    this.url = url;
    const link = document.createElement('a');
    link.href = url;
    link.download = file.fileName;
    link.click();
  }

  revoke(): void {
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = null;
  }
}
