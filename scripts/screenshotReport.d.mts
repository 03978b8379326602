import type { Browser, Page } from 'playwright-core';

export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];
export declare function launchChromium(): Promise<Browser>;
export declare function waitForCharts(page: Page): Promise<void>;
export declare function screenshotReport(reportPath: string, pngPath: string, options?: { width?: number; height?: number }): Promise<void>;
