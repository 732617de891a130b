/** A warning of a pull, shown with its summary. */
export interface PullWarning {
  code: string;
  message: string;
  /** The article the warning is about (title and id), and the file it went to. */
  article?: { id: string; title: string };
  path?: string;
}
