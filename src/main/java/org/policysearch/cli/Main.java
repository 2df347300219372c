package org.policysearch.cli;
public class Main { public static void main(String[] a){ System.out.println("hi " + org.apache.lucene.util.Version.LATEST); } }
