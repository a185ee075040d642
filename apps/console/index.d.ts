/** Absolute path of the built console (`vite build` output): index.html and its assets. */
export declare const consoleDist: string;
