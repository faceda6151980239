export declare const budget: (ms: number) => number;
