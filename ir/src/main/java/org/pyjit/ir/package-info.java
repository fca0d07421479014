/**
 * The pyjit IR.
 */
package org.pyjit.ir;
