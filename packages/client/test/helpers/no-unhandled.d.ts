export declare function failOnUnhandledRejections(): void;
