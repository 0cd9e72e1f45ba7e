package dev.aigateway.archfixtures.portsadapter.adapters.http;

class Thing { }
