// Where the pre-computed pictures of the default view live (written by
// scripts/demo-images.render.ts, shown before scripts run and whenever no backend starts).
export const STATIC_DIR = 'images/demo/static';
