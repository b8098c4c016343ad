/** The name glob as the contract defines it, for tests to compute what a filter should select. */
package io.devices.testsupport.glob;
