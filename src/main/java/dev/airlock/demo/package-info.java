/** Generated, DABStep-shaped demo data: the default raw data of the offline demo. */
package dev.airlock.demo;
