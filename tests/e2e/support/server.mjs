// The tests serve the release build with the app's own static server (README command 1's):
// compressed transfer negotiated, hashed files cached, index.html for the app's routes.
export { serveDist } from '../../../scripts/static_server.mjs';
