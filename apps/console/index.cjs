'use strict';
// Where the built console lives, for the server that serves it at /console/.
const path = require('node:path');

exports.consoleDist = path.join(__dirname, 'dist');
