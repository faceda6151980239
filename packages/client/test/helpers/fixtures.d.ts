export declare const sarahChen: any;
export declare const offboardEvent: any;
export declare const stagedImport: any;
export declare const TOKEN = "pa_abc123def456secretTOKEN";
export declare function page<T>(items: T[], pageNumber: number, totalCount: number): {
    items: T[];
    totalCount: number;
    page: number;
    pageSize: number;
    totalPages: number;
};
