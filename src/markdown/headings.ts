/** A heading of a rendered document, with the id the heading-id step gave it (hast-pass.ts). */
export interface Heading {
  depth: number;
  id: string;
  text: string;
}
