package com.example;

import dev.outbound.OutboundContainer;

public class Outer {

    @OutboundContainer(name = "inner", enableInternet = true)
    static class Inner {
    }
}
