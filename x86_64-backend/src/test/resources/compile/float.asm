; function %poly(f64) -> f64 {
; block0(v0: f64):
;     v1 = f64const 1.5
;     v2 = fmul v0, v0
;     v3 = fmul v2, v1
;     v4 = fadd v3, v0
;     return v4
; }
%poly:
   0: push rbp
   1: mov rbp,rsp
   4: push r15
   6: sub rsp,0x8
   a: movsd QWORD PTR [rbp-0x10],xmm0
   f: mov rdi,QWORD PTR [rip+0x67a] # 0x690
  16: call QWORD PTR [rip+0x67c] # 0x698
  1c: xor r15d,r15d
  1f: test rax,rax
  22: je 0x2c
  28: mov r15,QWORD PTR [rax+0x10]
  2c: movsd xmm0,QWORD PTR [rbp-0x10]
  31: call 0x3f
  36: mov r15,QWORD PTR [rbp-0x8]
  3a: mov rsp,rbp
  3d: pop rbp
  3e: ret
  3f: push rbp
  40: mov rbp,rsp
  43: cmp rsp,r15
  46: jb 0x71
  4c: movaps xmm1,xmm0
  4f: movaps xmm2,xmm0
  52: mulsd xmm2,xmm1
  56: movsd xmm1,QWORD PTR [rip+0x642] # 0x6a0
  5e: mulsd xmm2,xmm1
  62: movaps xmm1,xmm2
  65: addsd xmm1,xmm0
  69: movaps xmm0,xmm1
  6c: mov rsp,rbp
  6f: pop rbp
  70: ret
  71: mov eax,0x7
  76: jmp 0x634

; function %fmin64(f64, f64) -> f64 {
; block0(v0: f64, v1: f64):
;     v2 = fmin v0, v1
;     return v2
; }
%fmin64:
  80: push rbp
  81: mov rbp,rsp
  84: push r15
  86: sub rsp,0x18
  8a: movsd QWORD PTR [rbp-0x10],xmm0
  8f: movsd QWORD PTR [rbp-0x18],xmm1
  94: mov rdi,QWORD PTR [rip+0x5f5] # 0x690
  9b: call QWORD PTR [rip+0x5f7] # 0x698
  a1: xor r15d,r15d
  a4: test rax,rax
  a7: je 0xb1
  ad: mov r15,QWORD PTR [rax+0x10]
  b1: movsd xmm0,QWORD PTR [rbp-0x10]
  b6: movsd xmm1,QWORD PTR [rbp-0x18]
  bb: call 0xc9
  c0: mov r15,QWORD PTR [rbp-0x8]
  c4: mov rsp,rbp
  c7: pop rbp
  c8: ret
  c9: push rbp
  ca: mov rbp,rsp
  cd: cmp rsp,r15
  d0: jb 0x10a
  d6: ucomisd xmm0,xmm1
  da: jp 0xf8
  e0: jne 0xef
  e6: orpd xmm0,xmm1
  ea: jmp 0x105
  ef: minsd xmm0,xmm1
  f3: jmp 0x105
  f8: ucomisd xmm0,xmm0
  fc: jp 0x105
 102: movaps xmm0,xmm1
 105: mov rsp,rbp
 108: pop rbp
 109: ret
 10a: mov eax,0x7
 10f: jmp 0x634

; function %fneg32(f32) -> f32 {
; block0(v0: f32):
;     v1 = fneg v0
;     return v1
; }
%fneg32:
 120: push rbp
 121: mov rbp,rsp
 124: push r15
 126: sub rsp,0x8
 12a: movsd QWORD PTR [rbp-0x10],xmm0
 12f: mov rdi,QWORD PTR [rip+0x55a] # 0x690
 136: call QWORD PTR [rip+0x55c] # 0x698
 13c: xor r15d,r15d
 13f: test rax,rax
 142: je 0x14c
 148: mov r15,QWORD PTR [rax+0x10]
 14c: movsd xmm0,QWORD PTR [rbp-0x10]
 151: call 0x15f
 156: mov r15,QWORD PTR [rbp-0x8]
 15a: mov rsp,rbp
 15d: pop rbp
 15e: ret
 15f: push rbp
 160: mov rbp,rsp
 163: cmp rsp,r15
 166: jb 0x178
 16c: xorps xmm0,XMMWORD PTR [rip+0x50d] # 0x680
 173: mov rsp,rbp
 176: pop rbp
 177: ret
 178: mov eax,0x7
 17d: jmp 0x634

; function %to_int(f64) -> i32 {
; block0(v0: f64):
;     v1 = fcvt_to_sint.i32 v0
;     return v1
; }
%to_int:
 190: push rbp
 191: mov rbp,rsp
 194: push r15
 196: sub rsp,0x8
 19a: movsd QWORD PTR [rbp-0x10],xmm0
 19f: mov rdi,QWORD PTR [rip+0x4ea] # 0x690
 1a6: call QWORD PTR [rip+0x4ec] # 0x698
 1ac: xor r15d,r15d
 1af: test rax,rax
 1b2: je 0x1bc
 1b8: mov r15,QWORD PTR [rax+0x10]
 1bc: movsd xmm0,QWORD PTR [rbp-0x10]
 1c1: call 0x1cf
 1c6: mov r15,QWORD PTR [rbp-0x8]
 1ca: mov rsp,rbp
 1cd: pop rbp
 1ce: ret
 1cf: push rbp
 1d0: mov rbp,rsp
 1d3: cmp rsp,r15
 1d6: jb 0x204
 1dc: ucomisd xmm0,QWORD PTR [rip+0x4c4] # 0x6a8
 1e4: jbe 0x20e
 1ea: ucomisd xmm0,QWORD PTR [rip+0x4be] # 0x6b0
 1f2: jae 0x20e
 1f8: cvttsd2si eax,xmm0
 1fc: movsxd rax,eax
 1ff: mov rsp,rbp
 202: pop rbp
 203: ret
 204: mov eax,0x7
 209: jmp 0x634
 20e: mov eax,0x3
 213: jmp 0x634

; function %from_i8(i8) -> f64 {
; block0(v0: i8):
;     v1 = fcvt_from_sint.f64 v0
;     return v1
; }
%from_i8:
 220: push rbp
 221: mov rbp,rsp
 224: push r15
 226: sub rsp,0x8
 22a: mov QWORD PTR [rbp-0x10],rdi
 22e: mov rdi,QWORD PTR [rip+0x45b] # 0x690
 235: call QWORD PTR [rip+0x45d] # 0x698
 23b: xor r15d,r15d
 23e: test rax,rax
 241: je 0x24b
 247: mov r15,QWORD PTR [rax+0x10]
 24b: mov rdi,QWORD PTR [rbp-0x10]
 24f: call 0x25d
 254: mov r15,QWORD PTR [rbp-0x8]
 258: mov rsp,rbp
 25b: pop rbp
 25c: ret
 25d: push rbp
 25e: mov rbp,rsp
 261: cmp rsp,r15
 264: jb 0x277
 26a: movsx eax,dil
 26e: cvtsi2sd xmm0,eax
 272: mov rsp,rbp
 275: pop rbp
 276: ret
 277: mov eax,0x7
 27c: jmp 0x634

; function %flt(f64, f64) -> i8 {
; block0(v0: f64, v1: f64):
;     v2 = fcmp eq v0, v1
;     return v2
; }
%flt:
 290: push rbp
 291: mov rbp,rsp
 294: push r15
 296: sub rsp,0x18
 29a: movsd QWORD PTR [rbp-0x10],xmm0
 29f: movsd QWORD PTR [rbp-0x18],xmm1
 2a4: mov rdi,QWORD PTR [rip+0x3e5] # 0x690
 2ab: call QWORD PTR [rip+0x3e7] # 0x698
 2b1: xor r15d,r15d
 2b4: test rax,rax
 2b7: je 0x2c1
 2bd: mov r15,QWORD PTR [rax+0x10]
 2c1: movsd xmm0,QWORD PTR [rbp-0x10]
 2c6: movsd xmm1,QWORD PTR [rbp-0x18]
 2cb: call 0x2d9
 2d0: mov r15,QWORD PTR [rbp-0x8]
 2d4: mov rsp,rbp
 2d7: pop rbp
 2d8: ret
 2d9: push rbp
 2da: mov rbp,rsp
 2dd: cmp rsp,r15
 2e0: jb 0x2fb
 2e6: ucomisd xmm0,xmm1
 2ea: sete cl
 2ed: setnp al
 2f0: and ecx,eax
 2f2: movsx rax,cl
 2f6: mov rsp,rbp
 2f9: pop rbp
 2fa: ret
 2fb: mov eax,0x7
 300: jmp 0x634

; function %fbranch(f64, f64) -> i64 {
; block0(v0: f64, v1: f64):
;     v2 = fcmp lt v0, v1
;     brif v2, block1, block2
; block1:
;     v3 = iconst.i64 1
;     return v3
; block2:
;     v4 = iconst.i64 2
;     return v4
; }
%fbranch:
 310: push rbp
 311: mov rbp,rsp
 314: push r15
 316: sub rsp,0x18
 31a: movsd QWORD PTR [rbp-0x10],xmm0
 31f: movsd QWORD PTR [rbp-0x18],xmm1
 324: mov rdi,QWORD PTR [rip+0x365] # 0x690
 32b: call QWORD PTR [rip+0x367] # 0x698
 331: xor r15d,r15d
 334: test rax,rax
 337: je 0x341
 33d: mov r15,QWORD PTR [rax+0x10]
 341: movsd xmm0,QWORD PTR [rbp-0x10]
 346: movsd xmm1,QWORD PTR [rbp-0x18]
 34b: call 0x359
 350: mov r15,QWORD PTR [rbp-0x8]
 354: mov rsp,rbp
 357: pop rbp
 358: ret
 359: push rbp
 35a: mov rbp,rsp
 35d: cmp rsp,r15
 360: jb 0x384
 366: ucomisd xmm1,xmm0
 36a: jbe 0x37a
 370: mov eax,0x1
 375: mov rsp,rbp
 378: pop rbp
 379: ret
 37a: mov eax,0x2
 37f: mov rsp,rbp
 382: pop rbp
 383: ret
 384: mov eax,0x7
 389: jmp 0x634

; function %bits(f64) -> i64 {
; block0(v0: f64):
;     v1 = bitcast.i64 v0
;     return v1
; }
%bits:
 390: push rbp
 391: mov rbp,rsp
 394: push r15
 396: sub rsp,0x8
 39a: movsd QWORD PTR [rbp-0x10],xmm0
 39f: mov rdi,QWORD PTR [rip+0x2ea] # 0x690
 3a6: call QWORD PTR [rip+0x2ec] # 0x698
 3ac: xor r15d,r15d
 3af: test rax,rax
 3b2: je 0x3bc
 3b8: mov r15,QWORD PTR [rax+0x10]
 3bc: movsd xmm0,QWORD PTR [rbp-0x10]
 3c1: call 0x3cf
 3c6: mov r15,QWORD PTR [rbp-0x8]
 3ca: mov rsp,rbp
 3cd: pop rbp
 3ce: ret
 3cf: push rbp
 3d0: mov rbp,rsp
 3d3: cmp rsp,r15
 3d6: jb 0x3e6
 3dc: movq rax,xmm0
 3e1: mov rsp,rbp
 3e4: pop rbp
 3e5: ret
 3e6: mov eax,0x7
 3eb: jmp 0x634

