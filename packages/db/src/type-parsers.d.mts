export declare const INT8_OID = 20;
export declare const DATE_OID = 1082;
export declare const NUMERIC_OID = 1700;
export declare const parseInt8: (v: string) => number;
export declare const parseDate: (v: string) => string;
export declare const parseNumeric: (v: string) => string;
