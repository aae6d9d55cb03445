import { loadConfig } from '../src/config/index.js';
import { openWarehouse } from '../src/server/startup.js';
const wh = await openWarehouse(loadConfig({ ...process.env, ATALAYA_DATA_DIR: process.argv[2]!, ATALAYA_DEMO: '0' }));
wh.close();
