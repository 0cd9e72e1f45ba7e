/**
 * Planted violations: each sub-package breaks exactly one architecture rule, so that a test can show the rule
 * fails on it. They live in test code, which the production check does not import.
 */
package dev.aigateway.archfixtures;
