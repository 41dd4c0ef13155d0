// eleventy-img 6 ships no TypeScript declarations; this is the part of it we call (src/images.ts).
declare module "@11ty/eleventy-img" {
  interface ImageOptions {
    widths: number[];
    formats: string[];
    outputDir: string;
    urlPath: string;
    filenameFormat: (hash: string, src: string, width: number, format: string) => string;
    useCache?: boolean;
    fixOrientation?: boolean;
    formatFiltering?: string[];
    transform?: (sharp: { flatten: (options: { background: string }) => unknown }) => void | Promise<void>;
    sharpJpegOptions?: Record<string, unknown>;
    sharpWebpOptions?: Record<string, unknown>;
    sharpAvifOptions?: Record<string, unknown>;
    /** Options of sharp's constructor (e.g. failOn). */
    sharpOptions?: Record<string, unknown>;
  }
  interface ImageStat {
    format: string;
    width: number;
    height: number;
    url: string;
    size: number;
    outputPath: string;
  }
  interface EleventyImage {
    (src: string, options: ImageOptions): Promise<Record<string, ImageStat[]>>;
    /** How many images are processed at once. */
    concurrency: number;
    getWidths(originalWidth: number, widths: number[], allowUpscale?: boolean, minimumThreshold?: number): number[];
  }
  const eleventyImage: EleventyImage;
  export default eleventyImage;
}
